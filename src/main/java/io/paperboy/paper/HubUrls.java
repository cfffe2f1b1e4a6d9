package io.paperboy.paper;

/** Where a Hugging Face repository's page is: models at the root, datasets and Spaces under their prefix. */
public final class HubUrls {
    public static final String HUB = "https://huggingface.co/";

    private HubUrls() {}

    /** {@code prefix} is "" for models, "datasets/" or "spaces/"; {@code id} is {@code owner/name}. */
    public static String page(String prefix, String id) {
        return HUB + prefix + id;
    }
}
