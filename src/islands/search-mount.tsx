import { render } from 'preact';
import { openSearch as open } from '../stores/search';
import { SearchDialog } from './SearchDialog';

let mounted = false;

/** Mounts the search dialog on first use, then opens it. */
export function openSearch({ base, query }: { base: string; query: string }): void {
  if (!mounted) {
    const host = document.createElement('div');
    host.className = 'search-host';
    document.body.append(host);
    render(<SearchDialog base={base} />, host);
    mounted = true;
  }
  open(query);
}
