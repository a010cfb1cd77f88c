import { useTranslation } from "react-i18next";

const HEADER = 'Tovholder-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>';

// Code, not prose: the same in both languages.
const EXAMPLE = `import { createHmac, timingSafeEqual } from "node:crypto";

function verify(secret, header, rawBody) {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=")));
  const expected = createHmac("sha256", secret).update(\`\${parts.t}.\${rawBody}\`).digest("hex");
  const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
  return fresh && expected.length === parts.v1.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1));
}`;

/** How a receiving system checks that a delivery is genuine. */
export function SignatureHelp() {
  const { t } = useTranslation();
  return (
    <section className="signature-help" aria-labelledby="signature-heading">
      <h2 id="signature-heading">{t("webhooks.signature.heading")}</h2>
      <p>{t("webhooks.signature.intro")}</p>
      <pre className="signature-header">
        <code>{HEADER}</code>
      </pre>
      <ol>
        <li>{t("webhooks.signature.step1")}</li>
        <li>{t("webhooks.signature.step2")}</li>
        <li>{t("webhooks.signature.step3")}</li>
        <li>{t("webhooks.signature.step4")}</li>
      </ol>
      <p>{t("webhooks.signature.retries")}</p>
      <details className="signature-example">
        <summary>{t("webhooks.signature.example")}</summary>
        <pre>
          <code>{EXAMPLE}</code>
        </pre>
      </details>
    </section>
  );
}
