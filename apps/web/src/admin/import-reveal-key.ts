/**
 * The temporary passwords of an import are shown once, only in the browser tab that started it: the tab makes
 * an RSA-OAEP key pair, sends the public half with the import, and keeps the private half (not extractable)
 * here, in memory, until the passwords are shown. The server keeps them only encrypted with the public half;
 * after a reload, in another tab or for another admin there is no key, and the page offers new passwords.
 * Once opened, the passwords stay in this tab's memory only (coming back to the job in the same tab shows
 * them again; a reload forgets them).
 */
const keys = new Map<string, CryptoKey>();
const opened = new Map<string, Promise<Map<string, string>>>();
let pending: CryptoKey | null = null;

const ALGORITHM = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

const toBase64 = (buffer: ArrayBuffer): string => {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i] ?? 0);
  return btoa(binary);
};

/** A new key pair: answers the public key (SPKI, base64) to send, or undefined where WebCrypto is missing. */
export const newRevealKey = async (): Promise<string | undefined> => {
  if (typeof crypto === 'undefined' || !crypto.subtle) return undefined;
  try {
    const pair = await crypto.subtle.generateKey(
      { ...ALGORITHM, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
      false,
      ['encrypt', 'decrypt'],
    );
    pending = pair.privateKey;
    return toBase64(await crypto.subtle.exportKey('spki', pair.publicKey));
  } catch {
    pending = null;
    return undefined;
  }
};

/** Ties the key just made to the job the server answered (a repeat of the same job keeps its first key). */
export const keepRevealKey = (jobId: string): void => {
  if (pending && !keys.has(jobId) && !opened.has(jobId)) keys.set(jobId, pending);
  pending = null;
};

export const hasRevealKey = (jobId: string): boolean => keys.has(jobId) || opened.has(jobId);

/** Opens the sealed passwords (username → password) with this tab's key; empty without one. */
export const revealPasswords = (
  jobId: string,
  sealed: readonly { username: string; sealedPassword: string }[],
): Promise<Map<string, string>> => {
  let answer = opened.get(jobId);
  if (!answer) {
    answer = open(jobId, sealed);
    opened.set(jobId, answer);
  }
  return answer;
};

const open = async (
  jobId: string,
  sealed: readonly { username: string; sealedPassword: string }[],
): Promise<Map<string, string>> => {
  const key = keys.get(jobId);
  keys.delete(jobId);
  const passwords = new Map<string, string>();
  if (!key) return passwords;
  for (const { username, sealedPassword } of sealed) {
    try {
      const bytes = Uint8Array.from(atob(sealedPassword), (c) => c.charCodeAt(0));
      passwords.set(username, new TextDecoder().decode(await crypto.subtle.decrypt(ALGORITHM, key, bytes)));
    } catch {
      // A password that cannot be opened is offered as a new one instead.
    }
  }
  return passwords;
};
