import { atom } from 'nanostores';
import { setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';

/**
 * localStorage behind a guard. Private modes and strict settings make it throw, and a full
 * quota makes writes throw: the worksheet must keep working in memory and say so.
 */
export type StorageHealth = 'ok' | 'unavailable' | 'full';

export const $storageHealth = atom<StorageHealth>('ok');

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

function openStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem('interop-workbook:probe');
    return storage;
  } catch {
    return null;
  }
}

let installed = false;

/** Routes @nanostores/persistent through the guard. Safe to call more than once. */
export function installSafeStorage(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  const storage = openStorage();
  if (!storage) $storageHealth.set('unavailable');
  const keys = (): string[] => {
    if (!storage) return [];
    try {
      return Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter((key): key is string => key !== null);
    } catch {
      return [];
    }
  };
  const engine = new Proxy({} as Record<string, string>, {
    get(_, key) {
      if (typeof key !== 'string' || !storage) return undefined;
      try {
        return storage.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set(_, key, value) {
      if (typeof key !== 'string') return true;
      if (!storage) {
        $storageHealth.set('unavailable');
        return true;
      }
      try {
        storage.setItem(key, String(value));
        if ($storageHealth.get() !== 'ok') $storageHealth.set('ok');
      } catch (error) {
        $storageHealth.set(isQuotaError(error) ? 'full' : 'unavailable');
      }
      return true;
    },
    deleteProperty(_, key) {
      if (typeof key === 'string' && storage) {
        try {
          storage.removeItem(key);
        } catch {
          // Nothing to undo: the key stays until storage works again.
        }
      }
      return true;
    },
    has(_, key) {
      return typeof key === 'string' && keys().includes(key);
    },
    ownKeys() {
      return keys();
    },
    getOwnPropertyDescriptor(_, key) {
      if (typeof key !== 'string' || !keys().includes(key)) return undefined;
      return { enumerable: true, configurable: true, writable: true, value: storage?.getItem(key) ?? undefined };
    },
  });
  setPersistentEngine(engine, windowPersistentEvents);
}
