/**
 * Share link: the URL carries the config's non-default fields, the seed shown and hidden
 * sections (core/runs/url-codec.ts). `applyShareLink` restores them on load and reports field-named
 * errors; the bar builds a link for the current settings and copies it.
 */
import { useState } from 'react';
import { decodeShareParams, encodeShareQuery, type UrlIssue } from '../../core/runs/url-codec';
import { selectValidation, useExperimentStore } from '../../state/experiment-store';

/** Reads `location.search` once at startup; returns the link's problems (empty when fine or absent). */
export function applyShareLink(search: string): readonly UrlIssue[] {
  const state = decodeShareParams(search);
  if (state.config) useExperimentStore.getState().loadConfig(state.config, state.hidden);
  else if (state.hidden.size) useExperimentStore.setState({ hidden: state.hidden });
  return state.errors;
}

export function ShareBar() {
  const config = useExperimentStore((s) => selectValidation(s).config);
  const hidden = useExperimentStore((s) => s.hidden);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const make = () => {
    if (!config) return;
    const url = `${location.origin}${location.pathname}?${encodeShareQuery(config, { seed: config.seeds[0], hidden })}`;
    setLink(url);
    setCopied(false);
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="share-bar">
      <button type="button" disabled={!config} onClick={make}>
        Share link
      </button>
      {link && (
        <input className="share-url" readOnly value={link} aria-label="Share link" onFocus={(e) => e.target.select()} />
      )}
      {copied && (
        <span className="muted small" role="status">
          copied
        </span>
      )}
    </div>
  );
}

export function LinkErrors({ errors }: { errors: readonly UrlIssue[] }) {
  if (!errors.length) return null;
  return (
    <div className="run-error" role="alert">
      <p>The link's settings could not all be used:</p>
      <ul>
        {errors.map((e) => (
          <li key={`${e.path}:${e.message}`}>
            <code>{e.path}</code>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
