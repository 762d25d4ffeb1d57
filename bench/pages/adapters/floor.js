// The floor: no renderer at all, the first question written as static HTML. What is left of the
// first-render time here is the browser's own (navigation, parsing, first layout and paint).
'use strict';
(() => {
  const app = document.getElementById('app');
  app.innerHTML = '<fieldset id="first"><legend>Câu hỏi đầu tiên</legend><label><input type="radio" name="first"> Có</label></fieldset>';
  window.benchAdapter = { questionRoot: () => document.getElementById('first'), nextButton: () => null, roots: () => [document.body] };
})();
