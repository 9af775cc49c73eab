// expect: KILLED output
while (true) System.out.println("flooding the parent with output, line after line after line");
