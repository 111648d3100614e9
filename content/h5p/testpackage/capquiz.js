/* H5P.CapQuiz 1.0 - one-question accessible quiz (Cap Numérique). No dependency
 * besides H5P core (H5P.EventDispatcher). Params are rendered as plain text. */
var H5P = H5P || {};

H5P.CapQuiz = (function (EventDispatcher) {
  'use strict';

  var DEFAULTS = {
    question: '',
    answers: [],
    submitLabel: 'Valider',
    correctText: 'Bonne réponse !',
    wrongText: "Ce n'est pas la bonne réponse. Réessayez.",
    noAnswerText: 'Choisissez une réponse avant de valider.'
  };
  var counter = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function CapQuiz(params, contentId) {
    EventDispatcher.call(this);
    this.params = {};
    for (var k in DEFAULTS) {
      this.params[k] = (params && params[k] !== undefined) ? params[k] : DEFAULTS[k];
    }
    this.contentId = contentId;
    this.score = 0;
    this.answered = false;
    this.uid = 'capquiz-' + String(contentId).replace(/[^\w-]/g, '') + '-' + (++counter);
  }
  CapQuiz.prototype = Object.create(EventDispatcher.prototype);
  CapQuiz.prototype.constructor = CapQuiz;

  CapQuiz.prototype.attach = function ($container) {
    var self = this, p = this.params, root = $container[0] || $container;
    root.classList.add('h5p-capquiz');
    root.textContent = '';

    // No <form>/submit event: in <iframe sandbox> without allow-forms the submit
    // event is never fired. A type="button" click handler works everywhere.
    var body = el('div', {'class': 'h5p-capquiz-body'});
    var fieldset = el('fieldset');
    fieldset.appendChild(el('legend', {}, p.question));
    this.inputs = p.answers.map(function (answer, i) {
      var id = self.uid + '-a' + i;
      var row = el('div', {'class': 'h5p-capquiz-choice'});
      var input = el('input', {type: 'radio', name: self.uid, id: id, value: String(i)});
      input.addEventListener('change', function () { self.setActivityStarted(); });
      row.appendChild(input);
      row.appendChild(el('label', {'for': id}, answer.text));
      fieldset.appendChild(row);
      return input;
    });
    body.appendChild(fieldset);
    this.button = el('button', {type: 'button', 'class': 'h5p-capquiz-submit'}, p.submitLabel);
    body.appendChild(this.button);
    this.feedback = el('p', {'class': 'h5p-capquiz-feedback', role: 'status', 'aria-live': 'polite'});
    body.appendChild(this.feedback);
    this.button.addEventListener('click', function () { self.check(); });
    root.appendChild(body);
  };

  CapQuiz.prototype.check = function () {
    var p = this.params, chosen = -1;
    this.inputs.forEach(function (input, i) { if (input.checked) { chosen = i; } });
    if (chosen < 0) {
      this.showFeedback(p.noAnswerText, 'none');
      return;
    }
    var answer = p.answers[chosen] || {};
    var success = !!answer.correct;
    this.answered = true;
    this.score = success ? 1 : 0;
    var message = (success ? p.correctText : p.wrongText) + (answer.feedback ? ' ' + answer.feedback : '');
    this.showFeedback(message, success ? 'correct' : 'wrong');

    // xAPI: every validation is "answered"; a correct answer also "completed".
    this.triggerXAPIScored(this.score, this.getMaxScore(), 'answered', true, success);
    if (success) {
      this.triggerXAPIScored(this.score, this.getMaxScore(), 'completed', true, true);
      this.inputs.forEach(function (input) { input.disabled = true; });
      this.button.disabled = true;
    }
  };

  CapQuiz.prototype.showFeedback = function (text, state) {
    this.feedback.textContent = text;
    this.feedback.setAttribute('data-state', state);
    this.trigger('resize');
  };

  // H5P "question type contract" (used by reporting / parent content types).
  CapQuiz.prototype.getScore = function () { return this.score; };
  CapQuiz.prototype.getMaxScore = function () { return 1; };
  CapQuiz.prototype.getAnswerGiven = function () { return this.answered; };
  CapQuiz.prototype.showSolutions = function () {};
  CapQuiz.prototype.resetTask = function () {
    this.score = 0;
    this.answered = false;
    (this.inputs || []).forEach(function (input) { input.checked = false; input.disabled = false; });
    if (this.button) { this.button.disabled = false; this.showFeedback('', 'none'); }
  };

  return CapQuiz;
})(H5P.EventDispatcher);
