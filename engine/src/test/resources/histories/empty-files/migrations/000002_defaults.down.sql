-- nothing to undo: the row may have been edited since

