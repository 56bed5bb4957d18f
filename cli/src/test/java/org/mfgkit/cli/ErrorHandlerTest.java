package org.mfgkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.mfgkit.cli.output.Json;

class ErrorHandlerTest {

    private static ErrorHandler.Failure classify(Throwable t) {
        return ErrorHandler.classify(t);
    }

    @Test
    void badInputIsStatus2WithTheMessageOnOneLine() {
        assertEquals(
                new ErrorHandler.Failure(2, "gamma must be in [0, 1), got 1.5"),
                classify(new IllegalArgumentException("gamma must be in [0, 1), got 1.5")));
        assertEquals(
                new ErrorHandler.Failure(2, "rows must sum to 1: row 2 sums to 0.9"),
                classify(
                        new IllegalArgumentException(
                                "rows must sum to 1:\n   row 2 sums to 0.9\n")));
        assertEquals(
                new ErrorHandler.Failure(2, "file not found: policy.json"),
                classify(new UncheckedIOException(new NoSuchFileException("policy.json"))));
    }

    @Test
    void jacksonErrorsAreBadInput() {
        JsonProcessingException e =
                assertThrows(
                        JsonProcessingException.class,
                        () -> Json.mapper().readValue("{\"x\": }", Object.class));
        ErrorHandler.Failure f = classify(e);
        assertEquals(2, f.exitCode());
        assertTrue(f.message().startsWith("invalid JSON: Unexpected character ('}'"), f.message());
        assertTrue(f.message().endsWith("(line 1, column 7)"), f.message());
    }

    @Test
    void wrappersAreUnwrapped() {
        assertEquals(
                2, classify(new ExecutionException(new IllegalArgumentException("x"))).exitCode());
    }

    @Test
    void everythingElseIsInternal() {
        assertEquals(
                new ErrorHandler.Failure(1, "I/O error: IOException: disk full"),
                classify(new IOException("disk full")));
        assertEquals(
                new ErrorHandler.Failure(
                        1,
                        "internal error: java.lang.NullPointerException (run with --debug for the stack trace)"),
                classify(new NullPointerException()));
    }

    @Test
    void exhaustedResourcesAreStatus3EvenInsideWorkerThreads() {
        ErrorHandler.Failure oom = classify(new OutOfMemoryError("Java heap space"));
        assertEquals(ExitCode.RESOURCES, oom.exitCode());
        assertTrue(oom.message().startsWith("out of memory: this run needs more than the "));
        assertTrue(oom.message().endsWith("e.g. JAVA_TOOL_OPTIONS=-Xmx16g)"), oom.message());
        assertEquals(
                ExitCode.RESOURCES,
                classify(new ExecutionException(new OutOfMemoryError())).exitCode());
        assertEquals(ExitCode.RESOURCES, classify(new StackOverflowError()).exitCode());
    }
}
