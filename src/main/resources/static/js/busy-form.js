// Forms marked data-busy: on submit, disable the button and show the "取込中…" line (the request is synchronous).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.hasAttribute('data-busy')) {
    return;
  }
  var button = form.querySelector('button[type=submit]');
  var progress = form.querySelector('.progress');
  if (button) { setTimeout(function () { button.disabled = true; }, 0); }
  if (progress) { progress.hidden = false; }
});
