import { describe, expect, it } from 'vitest';
import { spread } from '../../bench/report.js';

describe('the performance report', () => {
  it('gives one run as it was measured', () => {
    expect(spread(['12.3 / 45.6 ms'])).toBe('12.3 / 45.6 ms');
  });

  it('gives each number of several runs as its median with the spread, in the run’s own format', () => {
    expect(spread(['4.0 / 20.1 ms', '3.8 / 29.5 ms', '4.4 / 26.1 ms'])).toBe('4.0 (3.8–4.4) / 26.1 (20.1–29.5) ms');
    expect(spread(['93,059 msg/s', '85,686 msg/s'])).toBe('89,373 (85,686–93,059) msg/s');
    expect(spread(['none', 'none'])).toBe('none');
    expect(spread(['2.5 ms', '2.5 ms'])).toBe('2.5 ms');
  });

  it('lists the runs apart when their words differ', () => {
    expect(spread(['none', '70 ms'])).toBe('none; 70 ms');
  });
});
