// The recommended, annotated Dockerfile for one image and one resolved requirements set.
export { generateDockerfile, render } from "./generate";
export type { DockerfileInput, DockerfileLine, DockerfileStage, GeneratedDockerfile, NeededPackage } from "./types";
