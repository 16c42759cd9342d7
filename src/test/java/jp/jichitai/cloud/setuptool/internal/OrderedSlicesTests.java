package jp.jichitai.cloud.setuptool.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Slices handed in out of order, by several threads, reach the file in their order, each once. */
class OrderedSlicesTests {

    @Test
    void slicesHandedInBackwardsAreWrittenInOrder() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        OrderedSlices slices = new OrderedSlices(Channels.newChannel(file), 3);
        for (int slice = 2; slice >= 0; slice--) {
            slices.complete(slice, bufferOf("slice " + slice + ";"));
            assertThat(slices.allWritten()).isEqualTo(slice == 0);
        }
        assertThat(file.toString(StandardCharsets.US_ASCII)).isEqualTo("slice 0;slice 1;slice 2;");
    }

    @Test
    void threadsReusingTwoBuffersEachWriteEverySliceOnceInOrder() throws Exception {
        int count = 500;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        OrderedSlices slices = new OrderedSlices(Channels.newChannel(file), count);
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                done.add(threads.submit(() -> {
                    OrderedSlices.Buffer[] buffers = {new OrderedSlices.Buffer(4), new OrderedSlices.Buffer(4)};
                    int[] last = {-1, -1};
                    int made = 0;
                    for (int slice; (slice = next.getAndIncrement()) < count; made++) {
                        int which = made % 2;
                        if (last[which] >= 0) {
                            slices.awaitWritten(last[which]);
                        }
                        buffers[which].reset();
                        byte[] text = (slice + ",").getBytes(StandardCharsets.US_ASCII);
                        buffers[which].write(text, 0, text.length);
                        if (slice % 7 == 0) {
                            Thread.yield();
                        }
                        last[which] = slice;
                        slices.complete(slice, buffers[which]);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        StringBuilder expected = new StringBuilder();
        for (int slice = 0; slice < count; slice++) {
            expected.append(slice).append(',');
        }
        assertThat(file.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
        assertThat(slices.allWritten()).isTrue();
    }

    @Test
    void aFailureWakesAThreadWaitingForASliceThatWillNeverBeWritten() throws Exception {
        OrderedSlices slices = new OrderedSlices(Channels.newChannel(new ByteArrayOutputStream()), 3);
        slices.complete(1, bufferOf("later"));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> waiting = thread.submit(() -> {
                slices.awaitWritten(1);
                return null;
            });
            slices.fail();
            assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(OrderedSlices.AbandonedException.class);
        } finally {
            thread.shutdownNow();
        }
        assertThat(slices.allWritten()).isFalse();
    }

    private static OrderedSlices.Buffer bufferOf(String text) {
        OrderedSlices.Buffer buffer = new OrderedSlices.Buffer(1);
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        buffer.write(bytes, 0, bytes.length);
        return buffer;
    }
}
