// expect: COMPILE_ERROR|DENIED
kb.sandbox.child.ChildMain.main(new String[] {"--train"});
