/**
 * The desktop app keeps the OpenAI-compatible key sealed by the OS keychain (Electron's
 * safeStorage): settings.json holds only the ciphertext.
 */
import { safeStorage } from 'electron';
import type { Sealer } from '../core/speech/key-vault.js';

export function setupKeySealer(): Sealer {
  return {
    store: 'safeStorage',
    available: () => safeStorage.isEncryptionAvailable(),
    /* Linux without a secret service: Electron falls back to a fixed password, which only obfuscates. */
    weak: () => process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
