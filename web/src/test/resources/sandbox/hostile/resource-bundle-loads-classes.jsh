// expect: DENIED java.util.ResourceBundle
ResourceBundle.getBundle("kb.sandbox.child.ChildMain");
