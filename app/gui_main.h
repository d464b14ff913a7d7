#pragma once

class QApplication;

namespace rcs::app {

// Opens the desktop studio. Options (after the program name):
//   --sandbox                look at the local sandbox
//   --nodes H:P[,H:P…]       look at Redis nodes at these addresses (no Kubernetes)
//   --kubeconfig F --context C -n NAMESPACE --statefulset NAME
//   --theme system|light|dark
//   --refresh-ms N           topology refresh interval (default 2000, 0 = paused)
//   --screenshot FILE        wait for the first topology (bounded), save a PNG of the window, exit
//   --screenshot-timeout S   the bound (default 90 s)
//   --size WxH               window size for screenshots (default 1440x900)
//   --lang en|zh_CN          language of the windows (default: View → Language, else the system's);
//                            the headless commands have no such option: they always print English
int runGui(QApplication &app);

} // namespace rcs::app
