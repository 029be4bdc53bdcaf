import {
  ANALYZE_MAX_DIMENSIONS,
  ANALYZE_MAX_RATERS,
  ANALYZE_MAX_RATINGS,
  ANALYZE_MAX_SCALE_POINTS,
  ANALYZE_MAX_SUBJECTS,
  type AnalysisWithFlags,
  type CsvColumnMapping,
  type CsvColumnsPreview,
  type Scale,
} from "@loopwright/schema";
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { downloadText } from "../../../lib/download";
import { formatCount } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/useDocumentTitle";
import { analysisAsResults, ExportButtons, ResultsView } from "../../../shared/agreement-results";
import { Alert } from "../../../ui/Alert";
import { buttonClass } from "../../../ui/button";
import { Field } from "../../../ui/Field";
import { TextField } from "../../../ui/TextField";
import { calibrationApi } from "../api";
import { ColumnMapping } from "../components/analyze/ColumnMapping";
import { CalPage } from "../components/CalPage";
import { PageHeader } from "../components/PageHeader";
import { sampleRatingsCsv } from "../lib/sample-csv";
import "./AnalyzePage.css";
import { cardProps } from "../../../ui/card";

type Source = { kind: "file"; name: string; size: number; text: string } | { kind: "paste"; text: string };

/** The column preview reads only the first rows: the start of the file is enough to send for it. */
const PREVIEW_BYTES = 64 * 1024;

const sourceName = (source: Source) => (source.kind === "file" ? source.name : "the pasted CSV");

const sizeFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const count = (n: number) => n.toLocaleString("en");
const formatSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${sizeFormat.format(bytes / 1024)} KB`
      : `${sizeFormat.format(bytes / 1024 / 1024)} MB`;

export function AnalyzePage() {
  useDocumentTitle("Analyse exported ratings");
  const [pasted, setPasted] = useState("");
  const [file, setFile] = useState<Extract<Source, { kind: "file" }> | null>(null);
  const [min, setMin] = useState("1");
  const [max, setMax] = useState("4");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ analysis: AnalysisWithFlags; scale: Scale; title: string } | null>(
    null,
  );
  /** Set while the file's header needs mapping: the file, and what the server read of its start. */
  const [mapping, setMapping] = useState<{ source: Source; preview: CsvColumnsPreview } | null>(null);
  const controller = useRef<AbortController | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const ids = {
    file: useId(),
    fileHint: useId(),
    error: useId(),
  };

  /**
   * Analyses `source`; without `columns`, first asks the server what its header holds and, when it
   * does not name every column, stops at the mapping step instead.
   */
  const analyse = async (source: Source, columns?: CsvColumnMapping) => {
    const scale = { min: Number(min), max: Number(max) };
    if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max)) {
      setError("The scale’s lowest and highest scores must be whole numbers.");
      return;
    }
    const points = scale.max - scale.min + 1;
    if (points > ANALYZE_MAX_SCALE_POINTS) {
      setError(
        `A scale can have at most ${ANALYZE_MAX_SCALE_POINTS} points; ${scale.min}–${scale.max} has ${points}.`,
      );
      return;
    }
    if (source.text.trim() === "") {
      setError(
        source.kind === "file" ? `${source.name} is empty.` : "Paste the CSV text first, or choose a file.",
      );
      return;
    }
    controller.current?.abort();
    const ctl = new AbortController();
    controller.current = ctl;
    setBusy(true);
    setError(null);
    if (!columns) setMapping(null);
    try {
      if (!columns) {
        const preview = await calibrationApi.previewCsvColumns(
          source.text.slice(0, PREVIEW_BYTES),
          ctl.signal,
        );
        if (preview.missing.length > 0) {
          setResult(null);
          setMapping({ source, preview });
          return;
        }
      }
      const analysis = await calibrationApi.analyzeCsv(source.text, scale, columns, ctl.signal);
      setResult({
        analysis,
        scale,
        title: source.kind === "file" ? source.name.replace(/\.csv$/i, "") : "pasted ratings",
      });
      requestAnimationFrame(() => resultsHeading.current?.focus());
    } catch (e) {
      if (ctl.signal.aborted) return;
      setResult(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (controller.current === ctl) setBusy(false);
    }
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const text = await chosen.text();
    const source = { kind: "file" as const, name: chosen.name, size: chosen.size, text };
    setFile(source);
    await analyse(source);
  };

  const submitPaste = (event: FormEvent) => {
    event.preventDefault();
    analyse({ kind: "paste", text: pasted });
  };

  const ratings = result?.analysis.dimensions.reduce((n, d) => n + d.ratings, 0) ?? 0;

  return (
    <CalPage crumbs={[{ to: "/calibration", label: "Calibration" }]}>
      <PageHeader eyebrow="Agreement analysis" title="Analyse exported ratings">
        <p className="page-lede">
          Export interview scores from your hiring system as CSV and see how far your interviewers agree: per
          rubric dimension, per interviewer and per candidate. Nothing is stored; the file is analysed and
          forgotten.
        </p>
      </PageHeader>

      <div className="analyze">
        <section {...cardProps({ className: "analyze__input" })} aria-labelledby="upload-title">
          <h2 id="upload-title" className="cal-card__title">
            Your ratings
          </h2>
          <p className="cal-card__lede">
            One row per score, with a header naming the columns <code>rater</code>, <code>subject</code>,{" "}
            <code>dimension</code> and <code>score</code> in any order. Other columns are ignored. Headers
            named differently, such as an ATS’s “Reviewer” or “Rating”, can be matched up after you choose the
            file.
          </p>
          <p className="hint">
            One analysis takes up to {count(ANALYZE_MAX_RATINGS)} ratings from at most{" "}
            {count(ANALYZE_MAX_RATERS)} interviewers, on at most {count(ANALYZE_MAX_SUBJECTS)} subjects and{" "}
            {count(ANALYZE_MAX_DIMENSIONS)} dimensions, with a scale of at most {ANALYZE_MAX_SCALE_POINTS}{" "}
            points. Split larger exports, e.g. by team or quarter.
          </p>

          <div className="analyze__scale">
            <TextField
              label="Lowest score"
              type="number"
              inputMode="numeric"
              step={1}
              value={min}
              onValueChange={setMin}
            />
            <TextField
              label="Highest score"
              type="number"
              inputMode="numeric"
              step={1}
              value={max}
              onValueChange={setMax}
            />
          </div>

          <div className="upload">
            <label htmlFor={ids.file} className="upload__zone">
              <span className="upload__title">Choose a CSV file</span>
              <span className="hint" id={ids.fileHint}>
                {file
                  ? `${file.name} · ${formatSize(file.size)}`
                  : "It is analysed as soon as you choose it."}
              </span>
            </label>
            <input
              id={ids.file}
              type="file"
              accept=".csv,text/csv"
              className="upload__input"
              aria-describedby={`${ids.fileHint}${error && !mapping ? ` ${ids.error}` : ""}`}
              onChange={chooseFile}
            />
            {file ? (
              <button
                type="button"
                className={buttonClass("link")}
                onClick={() => analyse(file)}
                disabled={busy}
              >
                Analyse {file.name} again
              </button>
            ) : null}
          </div>

          {error && !mapping ? (
            <Alert tone="error" id={ids.error} testId="csv-error">
              <strong className="analyze__error-title">The CSV could not be analysed</strong>
              {error}
            </Alert>
          ) : null}
          {busy ? (
            <p className="hint" role="status">
              Analysing…
            </p>
          ) : null}

          <form className="analyze__paste" onSubmit={submitPaste}>
            <Field label="Or paste the CSV">
              {(control) => (
                <textarea
                  {...control}
                  className="input cal-textarea cal-textarea--mono"
                  rows={6}
                  value={pasted}
                  spellCheck={false}
                  placeholder={"rater,subject,dimension,score\nAvery,Candidate 1,Trade-offs,3"}
                  onChange={(e) => setPasted(e.target.value)}
                />
              )}
            </Field>
            <p className="cal-actions">
              <button type="submit" className={buttonClass("primary")} disabled={busy}>
                Analyse pasted CSV
              </button>
            </p>
          </form>
        </section>

        <aside {...cardProps({ className: "analyze__sample" })} aria-labelledby="sample-title">
          <h2 id="sample-title" className="cal-card__title">
            No export to hand?
          </h2>
          <p className="cal-card__lede">
            The sample has three interviewers scoring five candidates on three dimensions; one of them scores
            a point harder than the others.
          </p>
          <p className="cal-actions">
            <button
              type="button"
              className={buttonClass("quiet")}
              onClick={() => downloadText("sample-ratings.csv", "text/csv;charset=utf-8", sampleRatingsCsv())}
            >
              Download the sample CSV
            </button>
            <button
              type="button"
              className={buttonClass("quiet")}
              onClick={() => {
                const text = sampleRatingsCsv();
                setPasted(text);
                setMin("1");
                setMax("4");
                analyse({ kind: "paste", text });
              }}
            >
              Analyse the sample
            </button>
          </p>
          <p className="hint">
            Running a calibration with your own panel? <Link to="/calibration">Create a workspace</Link> and
            score answers blind instead.
          </p>
        </aside>
      </div>

      {mapping ? (
        <ColumnMapping
          // A new file starts from its own guesses.
          key={`${sourceName(mapping.source)}:${mapping.preview.headers.join("\u0000")}`}
          preview={mapping.preview}
          source={sourceName(mapping.source)}
          busy={busy}
          error={error}
          onAnalyse={(columns) => analyse(mapping.source, columns)}
        />
      ) : null}

      {result ? (
        <section className="analyze__results" aria-labelledby="analysis-title" data-testid="analysis-results">
          <div className="analyze__results-head">
            <div>
              <h2 id="analysis-title" className="section__title" tabIndex={-1} ref={resultsHeading}>
                Results
              </h2>
              <p className="section__lede" role="status">
                {formatCount(ratings, "rating")} from {formatCount(result.analysis.raters.length, "rater")} on{" "}
                {formatCount(result.analysis.dimensions.length, "dimension")}, scale {result.scale.min}–
                {result.scale.max}.
              </p>
            </div>
            <ExportButtons results={analysisAsResults(result.analysis)} title={result.title} />
          </div>
          <ResultsView results={analysisAsResults(result.analysis)} scale={result.scale} headingLevel={3} />
        </section>
      ) : null}
    </CalPage>
  );
}
