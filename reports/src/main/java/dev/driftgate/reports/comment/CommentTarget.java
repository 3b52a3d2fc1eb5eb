package dev.driftgate.reports.comment;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the summary goes: a GitLab merge request's notes or a GitHub pull request's comments.
 * The summary is found again by its marker and updated in place, so each pipeline edits one note.
 */
public interface CommentTarget {

    /** {@code GitLab merge request !12 of project 42}: for messages (never the token). */
    String describe();

    /** The id of the note holding the marker, if one exists. */
    Optional<String> findNote(String marker) throws IOException, InterruptedException;

    void create(String body) throws IOException, InterruptedException;

    void update(String id, String body) throws IOException, InterruptedException;
}
