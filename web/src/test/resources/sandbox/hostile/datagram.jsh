// expect: DENIED java.net.DatagramSocket
var d = new DatagramSocket();
d.send(new DatagramPacket(new byte[1], 1, InetAddress.getLoopbackAddress(), ${PORT}));
