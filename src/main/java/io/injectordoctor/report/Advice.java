package io.injectordoctor.report;

/**
 * One line of advice: a command to run, or a sentence when the step is not a command (edit a
 * ConfigMap, move a label in the manifest the workload comes from). Exactly one of the two is set;
 * text output shows a command after {@code $} and a sentence after {@code -}, JSON either as a string.
 */
public record Advice(String text, Command command) {
    public Advice {
        if ((text == null) == (command == null)) {
            throw new IllegalArgumentException("advice is either a sentence or a command");
        }
    }

    public static Advice say(String text) {
        return new Advice(text, null);
    }

    public static Advice run(Command command) {
        return new Advice(null, command);
    }

    public boolean isCommand() {
        return command != null;
    }

    /** The line as printed for this invocation. */
    public String line(Invocation invocation) {
        return command == null ? text : invocation.line(command);
    }
}
