/** The emulator's few HTML pages (consent, errors, records in its web app): one look, text escaped. */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

const styles = `
body{font-family:system-ui,sans-serif;background:#f2f5f8;color:#1c2430;margin:0}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.1rem}
main{max-width:30rem;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #d7dde5;border-radius:8px;padding:1.25rem}
.card>p:first-child{margin-top:0}.muted{color:#4a5563}
.banner{background:#fff4e5;border:1px solid #f5a300;border-radius:6px;padding:.5rem .75rem;font-size:.9rem;margin-bottom:1rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=email]{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #9aa5b4;border-radius:6px}
fieldset{border:1px solid #d7dde5;border-radius:6px;margin:1rem 0;padding:.5rem .75rem}
fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.35rem 0}
.actions{display:flex;gap:.75rem;margin-top:1rem}
button{font:inherit;font-weight:600;padding:.55rem 1.1rem;border-radius:6px;border:1px solid #9aa5b4;background:#fff;cursor:pointer}
button.allow{background:#0b6fa4;border-color:#0b6fa4;color:#fff}
:focus-visible{outline:3px solid #f5a300;outline-offset:2px}
.error{color:#b42318}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
`;

export function emulatorPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${styles}</style></head><body><main>${body}</main></body></html>`;
}
