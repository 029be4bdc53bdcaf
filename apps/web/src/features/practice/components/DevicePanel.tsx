import { Lock } from "lucide-react";
import { useId } from "react";
import { CopyLink } from "../../../components/CopyLink";
import { personalLink } from "../lib/identity";
import { Card } from "./Card";
import "./DevicePanel.css";

/** "Continue on another device": the personal link, with the key only in its fragment. */
export function DevicePanel({ practitionerKey }: { practitionerKey: string }) {
  const link = personalLink(window.location.origin, practitionerKey);
  const ids = { title: useId(), note: useId() };

  return (
    <Card compact aria-labelledby={ids.title} data-testid="device-panel">
      <h2 id={ids.title} className="pr-device-panel__title">
        Continue on another device
      </h2>
      <p className="lede pr-device-panel__lede">
        There is no account: your history belongs to this browser’s private key. Open this personal link on
        another device (or after clearing this browser) to carry on with the same history.
      </p>
      <CopyLink label="Your personal link" value={link} describedBy={ids.note} />
      <div id={ids.note} className="pr-device-panel__warning">
        <Lock className="icon" size={18} aria-hidden="true" />
        <p>
          <strong>Keep this link private, like a password.</strong> Anyone who opens it can read, change and
          delete your practice history. The key sits after the <code>#</code>, so browsers never send it to
          our server in a page request or to other sites as a referrer.
        </p>
      </div>
    </Card>
  );
}
