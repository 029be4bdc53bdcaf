import { useState } from "react";
import { buttonClass } from "../../../../ui/button";
import { type ExportFormat, practiceApi } from "../../api";
import "./ExportButtons.css";

const FORMATS: Array<{ format: ExportFormat; label: string }> = [
  { format: "json", label: "Export JSON" },
  { format: "markdown", label: "Export Markdown" },
];

/** Downloads the whole history as JSON or Markdown, and says what came of it. */
export function ExportButtons({ practitionerKey, disabled }: { practitionerKey: string; disabled: boolean }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setMessage(null);
    try {
      const { blob, filename } = await practiceApi.exportHistory(practitionerKey, format);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
      setMessage({ kind: "ok", text: `Downloaded ${filename}.` });
    } catch (cause) {
      setMessage({
        kind: "error",
        text: `Couldn’t export: ${cause instanceof Error ? cause.message : String(cause)}`,
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="pr-export">
      <span className="pr-export__label">Export</span>
      {FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className={buttonClass("quiet")}
          onClick={() => download(format)}
          disabled={disabled || busy !== null}
        >
          {busy === format ? "Preparing…" : label}
        </button>
      ))}
      <p
        className="pr-export__message"
        role={message?.kind === "error" ? "alert" : "status"}
        data-kind={message?.kind}
      >
        {message?.text ?? ""}
      </p>
    </div>
  );
}
