// The server's status, checked in the background while the page is visible (health.ts): a banner with Retry
// while the server or its database does not answer, gone by itself when they do again (and then `onRecovered`
// lets the page retry what failed).
import { useEffect, useRef, useState } from 'react';
import {
  bannerOf,
  checkServer,
  healthChecked,
  initialHealth,
  nextCheckMs,
  recovered,
  type Health,
} from './health.ts';

/** The banner, when the server or the database is down. */
export function ServerStatus({ onRecovered }: { onRecovered: () => void }) {
  const [health, setHealth] = useState<Health>(initialHealth);
  const [checking, setChecking] = useState(false);
  const recoveredRef = useRef(onRecovered);
  const checkNow = useRef<() => void>(() => {});

  useEffect(() => {
    recoveredRef.current = onRecovered;
  }, [onRecovered]);

  useEffect(() => {
    let alive = true;
    let state = initialHealth;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const visible = () => document.visibilityState === 'visible';
    const check = async () => {
      clearTimeout(timer);
      if (!visible()) return;
      const found = await checkServer();
      if (!alive) return;
      const before = state;
      state = healthChecked(before, found, Date.now());
      setHealth(state);
      setChecking(false);
      if (recovered(before, state)) recoveredRef.current();
      clearTimeout(timer);
      if (visible()) timer = setTimeout(() => void check(), nextCheckMs(state));
    };
    checkNow.current = () => void check();
    const onVisibility = () => {
      if (visible()) void check();
      else clearTimeout(timer);
    };
    document.addEventListener('visibilitychange', onVisibility);
    timer = setTimeout(() => void check(), nextCheckMs(state));
    return () => {
      alive = false;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const banner = bannerOf(health);
  if (!banner) return null;
  return (
    <div className="server-banner" role="alert" data-testid="server-banner">
      <strong>{banner.title}</strong> {banner.message}{' '}
      <button
        type="button"
        disabled={checking}
        onClick={() => {
          setChecking(true);
          checkNow.current();
        }}
      >
        {checking ? 'Checking…' : 'Retry'}
      </button>
    </div>
  );
}
