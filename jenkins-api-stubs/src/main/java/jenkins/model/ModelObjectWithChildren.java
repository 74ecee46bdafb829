package jenkins.model;

public interface ModelObjectWithChildren extends ModelObjectWithContextMenu {
}
