// URLs every guard must refuse (EL-2, EL-3), and one of our own.
/** EL-2's corpus: foreign, look-alike and smuggled URLs, and one of our own. */
export const NAVIGATION_CORPUS = [
  'https://evil.example',
  'app://genweave.evil/',
  'app://genweave@evil/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://x/?next=app://genweave',
  'app://gеnweave/', // Cyrillic е: a punycode look-alike
  'app://genweave/index.html',
];
