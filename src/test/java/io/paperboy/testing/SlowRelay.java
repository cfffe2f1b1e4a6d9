package io.paperboy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slow SMTP relay: forwards every connection to a real SMTP server (GreenMail), but holds back
 * the end of each message (the {@code CRLF.CRLF} after DATA) for {@code delay} before passing it
 * on. Until then the server has not accepted the message; a client that disconnects meanwhile
 * (killed mid-send) never has it delivered, as with a real relay.
 */
public final class SlowRelay implements AutoCloseable {
    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};
    private static final int TIMED_OUT = -2;
    private static final int GONE = -1;

    private final ServerSocket listener;
    private final int serverPort;
    private final Duration delay;
    private final AtomicInteger holding = new AtomicInteger();

    public SlowRelay(int serverPort, Duration delay) throws IOException {
        this.serverPort = serverPort;
        this.delay = delay;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("slow-relay-accept").start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many messages are being held back right now (a sender is mid-send). */
    public int holding() {
        return holding.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                Thread.ofVirtual().start(() -> pump(server, client));
                Thread.ofVirtual().start(() -> forwardHoldingEnds(client, server));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Server to client, as it comes. */
    private static void pump(Socket from, Socket to) {
        try (from;
                to) {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // One side closed: the connection is over.
        }
    }

    /** Client to server, each message's end held back; dropped, with the connection, if the client goes away. */
    private void forwardHoldingEnds(Socket client, Socket server) {
        try (client;
                server) {
            InputStream in = client.getInputStream();
            OutputStream out = server.getOutputStream();
            byte[] buffer = new byte[8192];
            byte[] tail = new byte[0];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                byte[] chunk = Arrays.copyOf(buffer, n);
                byte[] window = concat(tail, chunk);
                int early = contains(window, END_OF_DATA) ? holdBack(client, in) : TIMED_OUT;
                if (early == GONE) {
                    return;
                }
                out.write(chunk);
                if (early != TIMED_OUT) {
                    out.write(early);
                }
                out.flush();
                tail = Arrays.copyOfRange(window, Math.max(0, window.length - END_OF_DATA.length + 1), window.length);
            }
        } catch (IOException e) {
            // The connection is over.
        }
    }

    /**
     * Waits out the delay: {@link #TIMED_OUT}, {@link #GONE} when the client disconnected
     * meanwhile, or the byte it sent early (pipelining).
     */
    private int holdBack(Socket client, InputStream in) throws IOException {
        holding.incrementAndGet();
        try {
            client.setSoTimeout((int) delay.toMillis());
            // The client waits for our reply and sends nothing: a read ends by the timeout, or by its death.
            int b = in.read();
            return b < 0 ? GONE : b;
        } catch (SocketTimeoutException e) {
            return TIMED_OUT;
        } finally {
            holding.decrementAndGet();
            client.setSoTimeout(0);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
