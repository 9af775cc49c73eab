// expect: DENIED javax.script
var e = new javax.script.ScriptEngineManager().getEngineByName("js");
