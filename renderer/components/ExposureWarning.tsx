import { usePanel } from '../store';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/** While the panel listens beyond this computer, say so plainly. */
export function ExposureWarning() {
  const status = usePanel((s) => s.status);
  if (status?.state !== 'listening' || LOOPBACK.test(status.host)) return null;
  const secret = /\/[A-Za-z0-9_-]{16,}$/.test(status.path);
  return (
    <div className="banner warn" role="alert">
      <strong>Listening on {status.host}:</strong> other computers on the network can connect and drive the avatar.
      {secret ? ' The secret path keeps out anyone who does not know it.' : ' Add a secret path in Settings, or listen on 127.0.0.1 if MMDAgent-EX runs on this computer.'}
    </div>
  );
}
