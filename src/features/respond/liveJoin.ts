// The thank-you screen's and the live code's question, answered from the phone's record (src/storage/phoneOutbox.ts).
export { liveJoinOf } from '../../storage/phoneOutbox';
