// expect: OK
byte[] frame = {'D', 0, 0, 0, 13, 0, 0, 0, 9, 'C', 'O', 'M', 'P', 'L', 'E', 'T', 'E', 'D'};
System.out.write(frame, 0, frame.length);
System.out.flush();
System.out.println("still here");
