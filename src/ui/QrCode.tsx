import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

// UTF-8, so names and comments with accents survive the round trip: the library's default
// keeps only the low byte of each character (its ESM build has no UTF-8 table of its own).
const encoder = new TextEncoder();
qrcode.stringToBytes = (s: string) => Array.from(encoder.encode(s));

/** A QR code drawn as one SVG path by React (no generated markup injected into the page). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { path, size } = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text, 'Byte');
    qr.make();
    const count = qr.getModuleCount();
    let d = '';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
    return { path: d, size: count + 8 };
  }, [text]);
  return (
    <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
