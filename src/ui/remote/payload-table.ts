/**
 * The tables of password-AT payloads, shared by the set payloads ("Send to a module in the field") and the
 * query payloads ("Read the field module first"): one row per SMS or network-AT line, its text (password
 * masked unless shown), its check and a copy button that copies it in clear and says so.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Text } from '../../protocol/types';
import { REMOTE as R } from './strings';

export interface PayloadRow {
  /** `SMS 1`, `Line 1`: the row's name, also for its copy button. */
  readonly name: string;
  readonly shown: string;
  readonly problem: Text | undefined;
  /** What the copy button copies (in clear). */
  readonly copied: string;
}

export const payloadTableStyles = css`
  table {
    width: 100%;
  }
  td.payload {
    font-family: var(--dtu-mono);
    overflow-wrap: anywhere;
    word-break: break-all;
  }
  .table-wrap {
    overflow-x: auto;
  }
  td button {
    min-height: 28px;
    padding: 0 8px;
  }
`;

type Pick = (text: Text) => string;
type Format = (text: Text, values: Record<string, string | number>) => string;

/** Copies one payload; the status to show: copied (with the password in clear), or why not. */
export async function copyPayload(text: string, what: string, f: Format): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return f(R.copied, { what });
  } catch (e) {
    return f(R.copyFailed, { message: e instanceof Error ? e.message : String(e) });
  }
}

export interface PayloadTableOptions {
  readonly testid: string;
  readonly rowTestid: string;
  /** Columns between the payload and its check (the size), and after the check (the send's result). */
  readonly extraHeads?: { readonly beforeCheck?: TemplateResult; readonly afterCheck?: TemplateResult };
  readonly extraCells?: (row: number) => {
    readonly beforeCheck?: TemplateResult;
    readonly afterCheck?: TemplateResult;
  };
  readonly onCopy: (row: PayloadRow) => void;
}

export function payloadTable(t: Pick, rows: readonly PayloadRow[], o: PayloadTableOptions): TemplateResult {
  return html`<div class="table-wrap">
    <table data-testid=${o.testid}>
      <thead>
        <tr>
          <th scope="col">${t(R.colNumber)}</th>
          <th scope="col">${t(R.colPayload)}</th>
          ${o.extraHeads?.beforeCheck ?? nothing}
          <th scope="col">${t(R.colCheck)}</th>
          ${o.extraHeads?.afterCheck ?? nothing}
          <th scope="col"><span class="visually-hidden">${t(R.copy)}</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row, i) => {
          const cells = o.extraCells?.(i);
          return html`<tr data-testid=${o.rowTestid} data-fits=${row.problem ? 'no' : 'yes'}>
            <td>${row.name}</td>
            <td class="payload">${row.shown}</td>
            ${cells?.beforeCheck ?? nothing}
            <td class=${row.problem ? 'error' : 'ok'}>${row.problem ? t(row.problem) : t(R.fits)}</td>
            ${cells?.afterCheck ?? nothing}
            <td>
              <button type="button" aria-label=${`${t(R.copy)} ${row.name}`} @click=${() => o.onCopy(row)}>
                ${t(R.copy)}
              </button>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
