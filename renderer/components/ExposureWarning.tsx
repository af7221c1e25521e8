import { useT } from './use-t';
import { useStore } from '../store';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/** While the panel listens beyond this computer, say so plainly. */
export function ExposureWarning() {
  const t = useT();
  const status = useStore((s) => s.status);
  if (status?.state !== 'listening' || LOOPBACK.test(status.host)) return null;
  const secret = /\/[A-Za-z0-9_-]{16,}$/.test(status.path);
  return (
    <div className="banner warn" role="alert">
      <strong>{t('exposure.listening', { host: status.host })}</strong> {t('exposure.text')}
      {secret ? t('exposure.secret') : t('exposure.advice')}
    </div>
  );
}
