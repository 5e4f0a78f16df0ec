import { useEffect, useRef } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

/** A chart.js canvas; `label` describes it for screen readers (a data table is always nearby). */
export function ChartView({ config, label, height = 260, testId }: { config: ChartConfiguration; label: string; height?: number; testId?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = new Chart(ref.current, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
    return () => c.destroy();
  }, [config]);
  return <div className="chart" style={{ height }}><canvas ref={ref} role="img" aria-label={label} data-testid={testId} /></div>;
}
