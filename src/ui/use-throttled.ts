/**
 * `useThrottled(value, ms)`: the value, updated at most once per `ms` (the latest value always lands
 * after the interval). Charts use it so SVG layout (recharts measures every tick label) runs a few
 * times per second instead of per streamed batch, keeping main-thread tasks short (no long
 * task over 50 ms while a run streams).
 */
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastMs = useRef(0);
  useEffect(() => {
    const wait = lastMs.current + ms - performance.now();
    if (wait <= 0) {
      lastMs.current = performance.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      lastMs.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
