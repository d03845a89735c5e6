/*
 * A stand-in for a native library such as OpenCV's libopencv_java: one JNI function that
 * example.Thumbnail calls. Built into lib/libstandin.so for the layer:
 *
 *   gcc -shared -fPIC -O2 -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" \
 *     -o native/lib/libstandin.so native/standin.c
 */
#include <jni.h>

JNIEXPORT jstring JNICALL Java_example_Thumbnail_describe(JNIEnv *env, jclass cls) {
  (void)cls;
  return (*env)->NewStringUTF(env, "standin 1.0");
}
