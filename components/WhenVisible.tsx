import { useEffect, useRef, useState, type ReactNode } from "react";

// Renders its children once the box comes near the viewport: the charts' code (Recharts, the
// largest script on the page) is fetched only when a reader scrolls to them. The box keeps its
// height meanwhile, so nothing moves. Uses state and effects: render it from a client component.

export function WhenVisible({ minHeight, children }: { minHeight: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: "300px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} style={{ minHeight }}>
      {visible ? children : null}
    </div>
  );
}
