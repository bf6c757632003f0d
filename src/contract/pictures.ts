/**
 * A picture a person attaches to their own exercise: what is accepted and how a data
 * URL from the renderer becomes bytes. No zod here, so the renderer can check a file
 * before sending it; the app checks again, and checks the bytes are what they claim.
 */
export const MAX_PICTURE_BYTES = 1024 * 1024;

export const PICTURE_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
} as const;
export type PictureType = keyof typeof PICTURE_TYPES;

/** Base64 of MAX_PICTURE_BYTES plus the `data:image/jpeg;base64,` prefix. */
export const MAX_PICTURE_DATA_URL_CHARS = Math.ceil(MAX_PICTURE_BYTES / 3) * 4 + 32;

export function isPictureType(type: string): type is PictureType {
  return Object.hasOwn(PICTURE_TYPES, type);
}

export type PictureParse =
  | { ok: true; type: PictureType; bytes: Uint8Array }
  | { ok: false; error: string; code: PictureRefusal; params?: { type: string } };

/** Why a picture was refused (`refusals.<code>`). */
export type PictureRefusal =
  | 'picture-too-big'
  | 'picture-unreadable'
  | 'picture-wrong-type'
  | 'picture-empty'
  | 'picture-not-what-it-claims';

const DATA_URL = /^data:([a-z/+.-]+);base64,([A-Za-z0-9+/]*={0,2})$/;

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  return prefix.every((byte, index) => bytes[offset + index] === byte);
}

/** Whether the bytes are a picture of `type` by their signature, whatever the name says. */
export function bytesAre(type: PictureType, bytes: Uint8Array): boolean {
  switch (type) {
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'image/webp':
      // "RIFF" <size> "WEBP"
      return (
        startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
        startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
      );
  }
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** A data URL from a file input, as a PNG, JPEG or WebP of at most 1 MB, or why not. */
export function parsePictureDataUrl(dataUrl: string): PictureParse {
  if (dataUrl.length > MAX_PICTURE_DATA_URL_CHARS) {
    return { ok: false, error: 'use a picture of at most 1 MB', code: 'picture-too-big' };
  }
  const match = DATA_URL.exec(dataUrl);
  if (!match)
    return {
      ok: false,
      error: 'the picture could not be read; choose the file again',
      code: 'picture-unreadable',
    };
  const type = match[1]!;
  if (!isPictureType(type))
    return { ok: false, error: 'use a PNG, JPEG or WebP picture', code: 'picture-wrong-type' };
  const bytes = decodeBase64(match[2]!);
  if (bytes.length === 0)
    return { ok: false, error: 'the picture file is empty', code: 'picture-empty' };
  if (bytes.length > MAX_PICTURE_BYTES)
    return { ok: false, error: 'use a picture of at most 1 MB', code: 'picture-too-big' };
  if (!bytesAre(type, bytes)) {
    return {
      ok: false,
      error: `this file is not the ${PICTURE_TYPES[type].toUpperCase()} picture it claims to be`,
      code: 'picture-not-what-it-claims',
      params: { type: PICTURE_TYPES[type].toUpperCase() },
    };
  }
  return { ok: true, type, bytes };
}

export function pictureDataUrl(type: PictureType, bytes: Uint8Array): string {
  return `data:${type};base64,${encodeBase64(bytes)}`;
}

/** The type of a stored picture by its file name's extension. */
export function pictureTypeOfFile(name: string): PictureType | null {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (extension === 'png') return 'image/png';
  if (extension === 'jpg' || extension === 'jpeg') return 'image/jpeg';
  if (extension === 'webp') return 'image/webp';
  return null;
}
