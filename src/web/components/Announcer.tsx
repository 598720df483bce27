import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

/** A polite live region for results of asynchronous actions (saved, loaded, switched). */
const AnnounceContext = createContext<{ announce: (message: string) => void; message: string }>({ announce: () => {}, message: '' });

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const announce = useCallback((next: string) => {
    // Clear first so the same sentence twice in a row is announced again.
    setMessage('');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 100);
  }, []);
  return <AnnounceContext.Provider value={{ announce, message }}>{children}</AnnounceContext.Provider>;
}

export function LiveRegion() {
  const { message } = useContext(AnnounceContext);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="ams-visually-hidden" id="announcer">
      {message}
    </div>
  );
}

export function useAnnounce() {
  return useContext(AnnounceContext).announce;
}
