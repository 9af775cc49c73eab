// expect: DENIED java.io.File
Object files = new File[1];
System.out.println(files);
