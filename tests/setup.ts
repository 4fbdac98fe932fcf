// Vitest setup shared by unit and component tests.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
