// expect: KILLED output
while (true) System.err.print("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
