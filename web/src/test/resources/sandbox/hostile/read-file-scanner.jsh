// expect: DENIED java.io.File
var s = new Scanner(new File("/etc/passwd"));
while (s.hasNextLine()) System.out.println(s.nextLine());
