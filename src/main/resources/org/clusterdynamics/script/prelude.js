// Runs before every script, in the script's own context. It puts in place of each global that could
// reach outside the sandbox a stub that refuses with a message naming what was asked for, and makes
// print/console.log show arrays and plain objects as JSON. `refuse` is a host function that throws.
(function (refuse) {
  'use strict';
  const g = globalThis;
  function lock(name, value) {
    Object.defineProperty(g, name, { value: value, writable: false, enumerable: false, configurable: false });
  }
  const shown = (args) => args.map(a => typeof a === 'string' ? JSON.stringify(a) : typeof a).join(', ');
  // functions whose calls are refused naming their arguments (Java.type("java.io.File"))
  const calls = { Java: ['type', 'from', 'to', 'extend', 'super', 'addToClasspath'], Polyglot: ['eval', 'evalFile', 'import', 'export'] };
  // a function that refuses when called, and whose every property refuses too (process.env)
  function denied(name, why) {
    const target = function () {};
    return new Proxy(target, {
      get(t, p) {
        if (typeof p === 'symbol') {
          return undefined;
        }
        if ((calls[name] || []).includes(p)) {
          return function () { refuse(name + '.' + p + '(' + shown(Array.from(arguments)) + ')', why); };
        }
        refuse(name + '.' + p, why);
      },
      apply(t, self, args) {
        refuse(name + '(' + shown(args) + ')', why);
      },
      construct(t, args) {
        refuse('new ' + name + '(...)', why);
      },
    });
  }
  const rules = [
    [['Java', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu', 'net', 'sun', 'jdk'],
      'scripts cannot use Java classes; use the cdyn API'],
    [['require', 'load', 'loadWithNewGlobal'], 'scripts cannot load modules or other files'],
    [['readFile', 'readbuffer', 'readline', 'read', 'writeFile'],
      'scripts cannot read or write files; load models with cdyn.load and write results with the write functions'],
    [['process', 'exec', 'spawn', 'system', '$EXEC'], 'scripts cannot start processes or read environment variables'],
    [['fetch', 'XMLHttpRequest', 'WebSocket', 'Socket'], 'scripts cannot use the network'],
    [['Worker', 'Thread', 'setTimeout', 'setInterval'], 'scripts cannot start threads or timers; batches run in parallel inside cdyn'],
    [['Polyglot'], 'scripts cannot evaluate code in other languages'],
    [['quit', 'exit'], 'scripts cannot stop the host; throw an Error to stop with a message'],
  ];
  for (const [names, why] of rules) {
    for (const n of names) {
      lock(n, denied(n, why));
    }
  }
  function show(x) {
    if (x !== null && typeof x === 'object' && (Array.isArray(x) || Object.getPrototypeOf(x) === Object.prototype)) {
      return JSON.stringify(x);
    }
    return String(x);
  }
  const print = g.print;
  const printErr = g.printErr;
  const line = (args) => Array.prototype.map.call(args, show).join(' ');
  lock('print', function () { print(line(arguments)); });
  const console = {
    log: function () { print(line(arguments)); },
    info: function () { print(line(arguments)); },
    warn: function () { printErr(line(arguments)); },
    error: function () { printErr(line(arguments)); },
  };
  lock('console', Object.freeze(console));
  lock('printErr', function () { printErr(line(arguments)); });
})
