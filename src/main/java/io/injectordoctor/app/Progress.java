package io.injectordoctor.app;

/** Where a long run says what it is doing (a line on a terminal), and clears it when done. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void show(String status) {
        }

        @Override
        public void clear() {
        }
    };

    void show(String status);

    void clear();
}
