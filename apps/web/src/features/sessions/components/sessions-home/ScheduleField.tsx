import { formatZonedStart, readerTimeZone } from "../../../../lib/datetime";
import { buttonClass } from "../../../../ui/button";
import { TextField } from "../../../../ui/TextField";
import "./ScheduleField.css";

export interface ScheduleValue {
  date: string;
  time: string;
}

/**
 * The optional planned start, typed as a date and a time in the host's own zone (named, so
 * nobody wonders which); the form turns it into a UTC instant for the server.
 */
export function ScheduleField({
  value,
  instant,
  error,
  onChange,
}: {
  value: ScheduleValue;
  /** The UTC instant the fields make, when they make one. */
  instant: string | null;
  error?: string;
  onChange: (value: ScheduleValue) => void;
}) {
  const zone = readerTimeZone();
  const empty = !value.date && !value.time;
  // An error sits on the time only when the time is what is missing; otherwise on the date.
  const missingTime = value.date !== "" && value.time === "";
  return (
    <fieldset className="ps-schedule" data-testid="schedule">
      <legend className="field__label">
        Scheduled start <span className="muted">(optional)</span>
      </legend>
      <p className="hint" id="ps-schedule-hint">
        In your time zone, {zone}. Everyone sees it in their own zone, and the invites carry a calendar file.
        Leave it empty to start whenever you are both ready.
      </p>
      <div className="ps-schedule__row">
        <TextField
          label="Date"
          type="date"
          value={value.date}
          error={error && !missingTime ? error : undefined}
          onValueChange={(date) => onChange({ ...value, date })}
          aria-describedby="ps-schedule-hint"
        />
        <TextField
          label={`Time (${zone})`}
          type="time"
          value={value.time}
          error={error && missingTime ? error : undefined}
          onValueChange={(time) => onChange({ ...value, time })}
        />
        {empty ? null : (
          <button
            type="button"
            className={buttonClass("quiet", { size: "small", className: "ps-schedule__clear" })}
            onClick={() => onChange({ date: "", time: "" })}
          >
            Clear<span className="visually-hidden"> the scheduled start</span>
          </button>
        )}
      </div>
      <p className="ps-schedule__preview" data-testid="schedule-preview" aria-live="polite">
        {instant ? `Starts ${formatZonedStart(instant, { timeZone: zone })}` : empty ? "Not scheduled" : ""}
      </p>
    </fieldset>
  );
}
