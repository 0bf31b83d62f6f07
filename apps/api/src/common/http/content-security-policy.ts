/** Content-Security-Policy of every response (helmet directives), and of the printable documents. */

/** Same-origin everything, nothing framed, no plugins; `img-src data:` for icons inlined in stylesheets. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The printable documents: no script at all, only their own inline print stylesheet; nothing else loads.
 * Set by the documents controller on each document.
 */
export const DOCUMENT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
