// A drawn signature on a <canvas>, with finger, pen or mouse. Reports a PNG data URL, or null when empty.
import { useEffect, useRef, type PointerEvent } from 'react';

type Props = { label: string; clearLabel: string; disabled: boolean; onChange: (dataUrl: string | null) => void };

// Fixed drawing resolution: the canvas is scaled by CSS, so the PNG is the same size on every screen.
const WIDTH = 600;
const HEIGHT = 200;

export function SignaturePad({ label, clearLabel, disabled, onChange }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const inked = useRef(false);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#0f172a';
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * WIDTH, y: ((e.clientY - box.top) / box.height) * HEIGHT };
  };
  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const ctx = canvas.current!.getContext('2d')!;
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x + (from.x === to.x && from.y === to.y ? 0.1 : 0), to.y);
    ctx.stroke();
    inked.current = true;
  };
  const finish = () => {
    if (!drawing.current) return;
    drawing.current = null;
    if (inked.current) onChange(canvas.current!.toDataURL('image/png'));
  };
  const clear = () => {
    canvas.current!.getContext('2d')!.clearRect(0, 0, WIDTH, HEIGHT);
    inked.current = false;
    onChange(null);
  };

  return (
    <div className="sigpad">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={label}
        data-testid="signature-pad"
        onPointerDown={(e) => {
          if (disabled) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = point(e);
          stroke(drawing.current, drawing.current);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const next = point(e);
          stroke(drawing.current, next);
          drawing.current = next;
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
      <button type="button" className="link" onClick={clear} disabled={disabled}>{clearLabel}</button>
    </div>
  );
}
