import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadText } from '../worksheet/download';

interface Props {
  /** Builds the Markdown when asked, so it always matches what is on screen. */
  markdown: () => string;
  fileName: string;
  /** What is copied, for messages: "the results". */
  what: string;
  disabled?: boolean;
}

/**
 * Copy as Markdown through the Clipboard API. When the browser refuses (no permission, an
 * insecure context, an old browser), the same text appears selected in a read-only box to
 * copy by hand, next to a download button that always works.
 */
export function MarkdownExport({ markdown, fileName, what, disabled = false }: Props) {
  const [message, setMessage] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const boxRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (fallback !== null) {
      boxRef.current?.focus();
      boxRef.current?.select();
    }
  }, [fallback]);

  async function copy() {
    const text = markdown();
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No Clipboard API');
      await navigator.clipboard.writeText(text);
      setFallback(null);
      setMessage(`Copied ${what} as Markdown.`);
    } catch {
      setFallback(text);
      setMessage(`This browser did not allow copying. The Markdown is selected in the box below: press Ctrl+C (or ⌘+C) to copy it, or download it.`);
    }
  }

  return (
    <div class="markdown-export">
      <div class="button-row">
        <button type="button" class="button" onClick={() => void copy()} disabled={disabled}>
          Copy as Markdown
        </button>
        <button type="button" class="button" onClick={() => downloadText(fileName, markdown(), 'text/markdown;charset=utf-8')} disabled={disabled}>
          Download Markdown
        </button>
      </div>
      <p class="export-status" role="status">
        {message}
      </p>
      {fallback !== null && (
        <div class="markdown-fallback">
          <label for="markdown-fallback" class="field-label">
            Markdown to copy
          </label>
          <textarea id="markdown-fallback" ref={boxRef} readOnly rows={8} value={fallback} spellcheck={false} />
        </div>
      )}
    </div>
  );
}
